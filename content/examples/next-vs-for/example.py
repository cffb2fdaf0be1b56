def countdown(n):
    print("  (body starts)")
    while n > 0:
        yield n
        n -= 1
    print("  (body ends)")


gen = countdown(3)
print("countdown(3) returned a generator; the body has not run yet")
while True:
    try:
        value = next(gen)  # runs the body up to the next yield
    except StopIteration:
        print("next() raised StopIteration")
        break
    print("next() ->", value)

for value in countdown(3):  # for calls next() and stops at StopIteration for you
    print("for ->", value)
