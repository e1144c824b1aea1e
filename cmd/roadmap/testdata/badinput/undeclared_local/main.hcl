roadmap {
  name  = "Bad input"
  start = "2027-01"
}
locals {
  a = 1
}
budget "capex" {
  amount = local.b
}
