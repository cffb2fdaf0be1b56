import itertools
import struct
import sys


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

# A list of the first 10**12 naturals would have to hold them all at once. Count, don't allocate:
# on 64-bit CPython 3.11 a list slot (a pointer) is 8 bytes, and an int from 2**30 up
# to 10**12 (all but a thousandth of these) is a 32-byte object.
count = 10**12
slot = struct.calcsize("P")
per_int = sys.getsizeof(count - 1)
print(f"an int just below 10**12 takes {per_int} bytes")
needed = count * (slot + per_int)
print(f"a list of 10**12 ints would need about {needed:,} bytes ({needed / 2**40:.1f} TiB)")
