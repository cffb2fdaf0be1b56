# Plain generators, no loop: next/send feed values in at the paused yield,
# throw raises there, a return value ends the iteration.
def fmt(e):
    return f"{type(e).__name__}: {e}"


def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        try:
            value = yield avg
        except ValueError as e:
            print("averager caught", fmt(e))
            value = 0
        if value is None:
            return (count, avg)
        total += value
        count += 1
        avg = total / count


g = averager()
print("primed:", next(g))
for v in [10, 20, 60]:
    print(f"send {v} -> {g.send(v):.2f}")
print(f"throw ValueError -> {g.throw(ValueError('ignore me')):.2f}")
try:
    g.send(None)
except StopIteration as e:
    count, avg = e.value
    print(f"finished: count={count} avg={avg:.2f}")
try:
    next(g)
except StopIteration as e:
    print("after the end: StopIteration again, value", e.value)


def fragile():
    yield 1
    yield 2

h = fragile()
next(h)
try:
    h.throw(RuntimeError("uncaught inside"))
except RuntimeError as e:
    print("throw propagated:", fmt(e))
try:
    next(h)
except StopIteration:
    print("the generator is finished after an uncaught throw")
