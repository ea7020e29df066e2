import sys

try:
    from .cli import main
except TypeError as err:  # the models are checked as they are defined (schemas.base.DeclarationError)
    if type(err).__name__ != "DeclarationError":
        raise
    print(f"Stopped: {err}", file=sys.stderr)
    raise SystemExit(1) from None

raise SystemExit(main())
