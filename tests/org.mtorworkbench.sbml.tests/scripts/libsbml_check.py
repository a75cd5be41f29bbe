#!/usr/bin/env python3
"""Checks SBML files with libSBML, the parser COPASI and CellDesigner are built on.

Reads one file path per line on standard input and prints, for each, one line:
    PATH <TAB> number of errors <TAB> the first error messages (id: message; ...)
Errors are libSBML's read errors and its consistency checks at severity error or
fatal; unit consistency and modelling practice are left out, since they judge the
model rather than the file the workbench wrote. Exit status 0, or 3 when libSBML is
not installed (the calling test skips then).
"""
import sys

try:
    import libsbml
except ImportError:
    print("libSBML for Python is not installed (Debian: apt-get install python3-sbml5)", file=sys.stderr)
    sys.exit(3)

MAX_MESSAGES = 3


def errors_of(path):
    doc = libsbml.readSBMLFromFile(path)
    doc.setConsistencyChecks(libsbml.LIBSBML_CAT_UNITS_CONSISTENCY, False)
    doc.setConsistencyChecks(libsbml.LIBSBML_CAT_MODELING_PRACTICE, False)
    doc.checkConsistency()
    found = []
    for i in range(doc.getNumErrors()):
        e = doc.getError(i)
        if e.getSeverity() >= libsbml.LIBSBML_SEV_ERROR:
            message = " ".join(e.getMessage().split())
            found.append("line %d, %d: %s" % (e.getLine(), e.getErrorId(), message[:240]))
    return found


def main():
    print("libsbml " + libsbml.getLibSBMLDottedVersion(), flush=True)
    for line in sys.stdin:
        path = line.strip()
        if not path:
            continue
        found = errors_of(path)
        print("%s\t%d\t%s" % (path, len(found), "; ".join(found[:MAX_MESSAGES])), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
