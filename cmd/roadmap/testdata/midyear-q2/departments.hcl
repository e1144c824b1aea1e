# The business departments IT serves. A project needs at least one of them
# to endorse it, and is dropped if any of them opposes it: without a
# sponsor nobody adopts the result, and against a department head it
# stalls. The head is named so the plan can say who to talk to.

department "finance" {
  title = "Finance"
  head  = "Chief Financial Officer"
  needs = ["faster month-end close", "lower licence costs"]
}

department "sales" {
  title = "Sales"
  head  = "Head of Sales"
  needs = ["customer self-service", "no disruption during the 2027 sales push"]
}

department "operations" {
  title = "Operations and logistics"
  head  = "Chief Operating Officer"
  needs = ["fewer picking errors", "reliable warehouse systems"]
}

department "hr" {
  title = "Human resources"
  head  = "HR Director"
  needs = ["one login for all tools", "working from home without a VPN"]
}
