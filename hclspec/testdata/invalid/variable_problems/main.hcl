roadmap {
  start   = "2027-01"
  horizon = var
}

variable "bad name" {
  default = 1
}

variable "derived" {
  default = var.base * 2
}

variable "base" {
  type    = number
  default = 1

  validation {
    condition     = "maybe"
    error_message = "Not a boolean condition."
  }
}

variable "typed" {
  type = lisst(string)
}
