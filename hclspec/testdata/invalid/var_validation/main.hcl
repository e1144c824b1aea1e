roadmap {
  name  = "Test"
  start = "2027-01"
}

variable "capex" {
  type    = number
  default = 100

  validation {
    condition     = var.capex > 1000
    error_message = "The capex budget must exceed 1000."
  }
}

variable "rate" {
  type    = number
  default = 2

  validation {
    condition     = var.rate >= 0 && var.rate < 1
    error_message = "The rate is a fraction, 0 <= rate < 1."
  }
}

variable "other" {
  default = 1

  validation {
    condition     = var.capex > 1
    error_message = "Refers to another variable."
  }
}

budget "b" {
  amount = var.capex
}
