capacity = 6
