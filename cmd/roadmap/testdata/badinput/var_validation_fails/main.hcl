variable "capex" {
  type = number
  validation {
    condition     = var.capex > 0
    error_message = "The capex budget must be positive."
  }
}
roadmap {
  name  = "Bad input"
  start = "2027-01"
}
