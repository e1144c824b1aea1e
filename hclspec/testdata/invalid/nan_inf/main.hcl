roadmap {
  name  = "Test"
  start = "2027-01"
}

locals {
  zero = 0
}

budget "b" {
  amount = 1 / local.zero
}

team "t" {
  capacity = -1 / 0
}
