roadmap {
  start = @2027
}
