import numpy


def version():
    return numpy.__version__


__export__ = ["version"]
