variable "capex" {
  type = number
}
roadmap {
  name  = "Bad input"
  start = "2027-01"
}
