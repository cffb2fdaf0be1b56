# yield from (JS yield*) passes sends and throws straight through to the
# inner generator and evaluates to its return value.
def inner():
    got = []
    while True:
        try:
            x = yield len(got)
        except KeyError:
            got.append("thrown")
            continue
        if x is None:
            return got
        got.append(x)


def outer():
    result = yield from inner()
    print("outer received", result)
    yield "outer done"
    return "end"


g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(g.throw(KeyError("k")))
print(g.send(None))
try:
    next(g)
except StopIteration as e:
    print("returned", e.value)
