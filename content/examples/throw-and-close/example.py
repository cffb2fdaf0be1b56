class Reset(Exception):
    pass


def counter():
    count = 0
    try:
        while True:
            try:
                yield count
                count += 1
            except Reset:
                print("  counter: caught Reset, back to 0")
                count = 0
    except GeneratorExit:
        print("  counter: GeneratorExit raised at the paused yield")
        raise
    finally:
        print("  counter: finally runs")


c = counter()
print("next() ->", next(c))
print("next() ->", next(c))
print("throw(Reset()) ->", c.throw(Reset()))
print("next() ->", next(c))
print("close()")
c.close()
try:
    next(c)
except StopIteration:
    print("next() after close(): StopIteration")
