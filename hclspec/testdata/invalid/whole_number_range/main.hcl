roadmap {
  name  = "Test"
  start = "2027-Q1"
}

# A whole number past the largest one counted: out of range, not "not whole".
team "t" {
  capacity     = 2
  max_parallel = 1000000000000
}
