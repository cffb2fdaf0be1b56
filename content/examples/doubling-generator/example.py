def test():
    for i in range(10):
        yield i * 2


print(list(test()))
