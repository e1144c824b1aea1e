roadmap {
  name  = "Bad input"
  start = "2027-01"
}
locals {
  a = local.b + 1
  b = local.a + 1
}
