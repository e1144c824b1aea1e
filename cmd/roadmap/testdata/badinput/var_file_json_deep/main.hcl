variable "capex" {
  type = any
}
roadmap {
  name  = "Bad input"
  start = "2027-01"
}
