goal "growth" {
  weight = 1
}
department "sales" {
  title = "Sales"
}
