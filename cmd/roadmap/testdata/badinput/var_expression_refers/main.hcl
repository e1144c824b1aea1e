variable "stack" {
  type = list(string)
}
roadmap {
  name  = "Bad input"
  start = "2027-01"
}
