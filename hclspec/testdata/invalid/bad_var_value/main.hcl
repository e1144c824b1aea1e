roadmap {
  name  = "Test"
  start = "2027-01"
}

variable "capex" {
  type = number
}

variable "teams" {
  type = list(string)
}

variable "weights" {
  type    = map(number)
  default = { a = "x" }
}

budget "b" {
  amount = var.capex
}
