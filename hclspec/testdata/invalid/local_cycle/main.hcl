roadmap {
  name  = "Test"
  start = "2027-01"
}

locals {
  a = local.b + 1
  b = local.c * 2
  c = local.a
  d = local.a + 1
  e = local.ee
  f = 1
}

locals {
  f = 2
}

team "t" {
  capacity = local.d
}
