#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""validate_json.py SCHEMA FILE...: validates each JSON FILE against SCHEMA (any draft the schema names,
with python3-jsonschema); prints one line per error and exits 1 when there is any."""
import json
import sys

import jsonschema


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    errors = 0
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            instance = json.load(f)
        for error in validator.iter_errors(instance):
            where = "/".join(str(p) for p in error.absolute_path)
            print(f"{path}: /{where}: {error.message[:300]}")
            errors += 1
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
