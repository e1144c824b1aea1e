goal "growth" {
  weight = 2
}

project "crm" {
  duration = 2
}

variable "x" {
  default = 1
}

variable "x" {
  default = 2
}
