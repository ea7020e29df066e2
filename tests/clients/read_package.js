// Reads every tabular resource of a data package with the npm `datapackage` library, as a JavaScript
// user would, and prints {resource: [rows, columns]} as JSON; exits 1 on an invalid package or a failed read.
const { Package } = require("datapackage");

(async () => {
  const pkg = await Package.load(process.argv[2]);
  if (!pkg.valid) {
    console.log(JSON.stringify({ errors: pkg.errors.map(String) }));
    process.exit(1);
  }
  const out = {};
  for (const resource of pkg.resources) {
    if (!resource.tabular) continue;
    const rows = await resource.read({ keyed: true });
    out[resource.name] = [rows.length, resource.headers.length]; // the header the library read, rows or none
  }
  console.log(JSON.stringify(out));
})().catch((error) => {
  console.log(JSON.stringify({ errors: [String(error)] }));
  process.exit(1);
});
