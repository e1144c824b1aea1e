roadmap {
  name  = "Bad input"
  start = "2027-01"
}
locals {
  grid = [for a in range(320) : [for b in range(320) : a]]
}
