roadmap {
  start   = "9999-Q3"
  horizon = 3
}
