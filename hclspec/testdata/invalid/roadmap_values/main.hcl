roadmap {
  start         = "2027-01"
  currency      = "euro"
  discount_rate = 8
  risk_appetite = 2
  max_parallel  = 0
  stack         = "vm"
  optimize      = "yes"
}
