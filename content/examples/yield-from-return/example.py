def accumulate():
    total = 0
    while True:
        value = yield
        if value is None:
            return total  # becomes the value of the `yield from` expression
        print("  accumulate got", value)
        total += value


def delegate(results):
    while True:
        total = yield from accumulate()  # send() goes straight through to accumulate()
        print("accumulate() returned", total)
        results.append(total)


results = []
d = delegate(results)
next(d)
for v in [1, 2, 3, None, 10, 20, None]:
    d.send(v)
print(results)
