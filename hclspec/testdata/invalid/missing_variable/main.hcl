roadmap {
  name  = "Test"
  start = "2027-01"
}

variable "capex" {
  type = number
}

budget "b" {
  amount = var.capex
}
