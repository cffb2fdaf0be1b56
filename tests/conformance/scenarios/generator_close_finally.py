# Closing a paused generator runs its finally blocks (Python: close() throws
# GeneratorExit; JavaScript: return() -- only the finally part matches).
def counter(name):
    try:
        i = 0
        while True:
            yield i
            i += 1
    finally:
        print(f"{name}: finally runs")


g = counter("g")
print(next(g), next(g), next(g))
g.close()
print("closed; next gives StopIteration:", next(g, "exhausted"))

h = counter("h")
h.close()
print("closing an unstarted generator runs no finally")


def inner():
    try:
        yield "inner 1"
        yield "inner 2"
    finally:
        print("inner finally")
    return "inner result"


def outer():
    try:
        r = yield from inner()
        print("outer got", r)
        yield "outer 3"
    finally:
        print("outer finally")


o = outer()
print(next(o))
o.close()
print("-- full run:")
print(list(outer()))
