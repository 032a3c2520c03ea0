import { Loops } from '@loops-fi/checkout';

const loops = new Loops({ apiKey: process.env.LOOPS_API_KEY });

const result = await loops.checkout.sessions.create({
  mode: "payment",
  line_items: [
    {
      price: "price_1QkLm8Loops4Ef",
      quantity: 2,
      adjustable_quantity: {
        enabled: true,
        minimum: 1,
        maximum: 10
      }
    }
  ],
  success_url: "https://shop.example.com/thanks?order=10442",
  cancel_url: "https://shop.example.com/cart",
  payment_method_types: [
    "card"
  ],
  customer_email: "buyer@example.com",
  client_reference_id: "order_10442",
  metadata: {
    order_id: "10442"
  },
  externalCustomerId: "crm-004211"
});
console.log(result);
