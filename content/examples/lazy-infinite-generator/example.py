import itertools


def naturals():
    """0, 1, 2, … one at a time: there is no end."""
    n = 0
    while True:
        yield n
        n += 1


print("first 5:", list(itertools.islice(naturals(), 5)))

# A million values pass through, but only one exists at any moment.
total = sum(itertools.islice(naturals(), 10**6))
print(f"sum of the first 1,000,000: {total:,}")

# The same numbers as a list would have to exist all at once. Count, don't allocate:
# on 64-bit CPython a list slot is 8 bytes and an int object at least 28 bytes.
count = 10**12
needed = count * (8 + 28)
print(f"a list of 10**12 ints would need {needed:,} bytes ({needed / 2**40:.1f} TiB)")
