variable "capacity" {
  type    = number
  default = 4

  validation {
    condition     = var.capacity > 0
    error_message = "Capacity must be positive."
  }
}

roadmap {
  start = "2027-Q1"
}

team "platform" {
  capacity = var.capacity
}

project "one" {
  duration = 2
  effort   = { platform = 2 }
}
