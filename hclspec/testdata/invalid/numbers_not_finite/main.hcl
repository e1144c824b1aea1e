roadmap {
  start = "2027-01"
}

locals {
  rest       = 7 % 0
  log_minus  = log(-1, 10)
  root_minus = pow(-8, 0.5)
  infinite   = tonumber("Inf")
  close_irr  = irr([-100, 224, -125.43])
}

team "t" {
  capacity = local.close_irr * 100
}
