curl --request GET \
  --url https://api.loops.fi/api/v3/checkout/sessions/cs_live_b7KmQ2xRt9LpVn4sWc8ZyHd3FgJa6EuN \
  --header "Authorization: Bearer $LOOPS_API_KEY"
