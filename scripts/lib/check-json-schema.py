"""check-json-schema.py SCHEMA FILE...: validates each JSON FILE against the JSON Schema SCHEMA (draft 2020-12, the
schema itself checked first) with the jsonschema package, a real validator independent of Nafidha's own. Prints one
line per finding, `FILE: PATH: message`, and exits 1 when any file (or the schema) is not valid, 0 otherwise.
CatalogSchemaTests and scripts/test run it on docs/catalog.schema.json."""

import json
import sys

import jsonschema


def main(arguments):
    if len(arguments) < 2:
        print("usage: check-json-schema.py SCHEMA FILE...", file=sys.stderr)
        return 2
    with open(arguments[0], encoding="utf-8") as source:
        schema = json.load(source)
    validator_class = jsonschema.Draft202012Validator
    try:
        validator_class.check_schema(schema)
    except jsonschema.exceptions.SchemaError as error:
        print(f"{arguments[0]}: not a valid draft 2020-12 schema: {error.message}")
        return 1
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    findings = 0
    for name in arguments[1:]:
        try:
            with open(name, encoding="utf-8") as source:
                document = json.load(source)
        except (OSError, ValueError) as error:
            print(f"{name}: $: not JSON: {error}")
            findings += 1
            continue
        for error in sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path)):
            print(f"{name}: {error.json_path}: {error.message[:300]}")
            findings += 1
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
