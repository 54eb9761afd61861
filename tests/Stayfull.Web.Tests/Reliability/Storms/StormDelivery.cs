using System.Text;
using System.Text.Json;
using Stayfull.Web.Tests.Reliability.Storms.Fakes;

namespace Stayfull.Web.Tests.Reliability.Storms;

/// <summary>Delivers one event to <c>POST /webhooks/{vendor}/{hotelId}</c>, signed as its vendor signs, at the moment of sending.</summary>
public sealed class StormDelivery(IReadOnlyDictionary<int, StormHotel> hotels, TimeProvider clock)
{
    public async Task<int> SendAsync(HttpClient client, StormEvent e, CancellationToken cancellationToken = default)
    {
        using var request = Build(client.BaseAddress!, e);
        using var response = await client.SendAsync(request, cancellationToken);
        return (int)response.StatusCode;
    }

    public HttpRequestMessage Build(Uri baseAddress, StormEvent e)
    {
        var hotel = hotels[e.HotelNumber];
        var now = clock.GetUtcNow();
        switch (e.Vendor)
        {
            case StormVendor.Stripe:
            {
                var request = new HttpRequestMessage(HttpMethod.Post, $"webhooks/stripe/{hotel.HotelId}") { Content = new StringContent(e.Body, Encoding.UTF8, "application/json") };
                request.Headers.Add("Stripe-Signature", VendorSignatures.Stripe(hotel.Secrets.StripeWebhookSecret, e.Body, now));
                return request;
            }

            case StormVendor.Seam:
            {
                var request = new HttpRequestMessage(HttpMethod.Post, $"webhooks/seam/{hotel.HotelId}") { Content = new StringContent(e.Body, Encoding.UTF8, "application/json") };
                foreach (var (name, value) in VendorSignatures.Svix(hotel.Secrets.SeamWebhookSecret, e.Key, e.Body, now))
                {
                    request.Headers.Add(name, value);
                }

                return request;
            }

            default:
            {
                var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(e.Body)!;
                var path = $"webhooks/twilio/{hotel.HotelId}";
                var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
                request.Headers.Add("X-Twilio-Signature", VendorSignatures.Twilio(hotel.Secrets.TwilioAuthToken, new Uri(baseAddress, path), fields));
                return request;
            }
        }
    }
}
