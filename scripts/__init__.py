"""The build: data/*.csv → validate → datapackage.json → build/ → site/ and dist/. One module per step."""
