roadmap {
  name  = "Test"
  start = "2027-01"
}

variable "capex" {
  default = 1
}

locals {
  fte = 100
}

budget "b" {
  amount = var.capx
}

team "t" {
  capacity     = 1
  cost_per_fte = local.ftee
}

goal "g" {
  weight = foo.bar
}
