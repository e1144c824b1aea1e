roadmap {
  name  = "Test"
  start = "2027-01"
}

variable "capex" {
  type = number
}

variable "name" {
  type    = string
  default = "x"
}
