goal {
  weight = 1
}
