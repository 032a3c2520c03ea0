curl --request GET \
  --url 'https://api.loops.fi/api/v3/checkout/sessions?status=COMPLETED&limit=25' \
  --header "Authorization: Bearer $LOOPS_API_KEY"
