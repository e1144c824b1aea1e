project "p" {
  duration = 1
}

budget "b" {
  amount = -1
}
