capacity = -1
