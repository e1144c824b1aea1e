roadmap {
  name  = "Test"
  start = "2027-01"
}

variable "horizon" {
  type = number
}

variable "stack" {
  type = list(string)
}
