using System.Text;

namespace Stayfull.Integrations.Tests.SendGrid;

/// <summary>Bodies shaped like SendGrid Inbound Parse posts (multipart/form-data, one part per field, files for attachments).</summary>
public static class InboundParseForms
{
    public const string Boundary = "xYzZY";
    public const string ContentType = "multipart/form-data; boundary=" + Boundary;

    /// <summary>A reply from a guest's mail program, quoting the hotel's earlier email; the text part is ISO-8859-1.</summary>
    public static byte[] GuestReply(string messageId = "<CAF=abc123@mail.gmail.com>", string from = "Ada Lovelace <ada@guest.example>", string text = "Could we have a table at the café at 8?", string? attachment = null)
    {
        var latin1 = Encoding.Latin1;
        using var body = new MemoryStream();
        void Field(string name, string value, Encoding? encoding = null)
        {
            Write(body, $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n");
            var bytes = (encoding ?? Encoding.UTF8).GetBytes(value);
            body.Write(bytes);
            Write(body, "\r\n");
        }

        var headers = $"Received: by mx0047p1mdw1.sendgrid.net with SMTP id 6WCVv7KAWn Wed, 27 Jul 2016 20:53:06 +0000 (UTC)\nDate: Wed, 27 Jul 2016 13:53:01 -0700\nMessage-ID: {messageId}\nSubject: Re: Your booking at Test Hotel\nFrom: {from}\nTo: stay@hotel.example\nContent-Type: multipart/alternative; boundary=001a113df448cad2d00538a3c3e2\n";
        Field("headers", headers);
        Field("dkim", "{@gmail.com : pass}");
        Field("content-ids", "{}");
        Field("to", "stay@hotel.example");
        Field("html", "<div dir=\"ltr\">Could we have a table at the caf&eacute; at 8?</div>");
        Field("from", from);
        Field("text", text + "\r\n\r\nOn Wed, Jul 27, 2016 at 1:00 PM Test Hotel <stay@hotel.example> wrote:\r\n> Your booking is confirmed.\r\n", latin1);
        Field("sender_ip", "209.85.223.178");
        Field("spam_report", "Spam detection software, running on the system \"mx0047p1mdw1.sendgrid.net\", has NOT identified this incoming email as spam.");
        Field("envelope", "{\"to\":[\"stay@hotel.example\"],\"from\":\"ada@guest.example\"}");
        Field("attachments", attachment is null ? "0" : "1");
        Field("subject", "Re: Your booking at Test Hotel");
        Field("spam_score", "0.011");
        if (attachment is not null)
        {
            Field("attachment-info", "{\"attachment1\":{\"filename\":\"passport.jpg\",\"name\":\"passport.jpg\",\"type\":\"image/jpeg\"}}");
            Write(body, $"--{Boundary}\r\nContent-Disposition: form-data; name=\"attachment1\"; filename=\"passport.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n{attachment}\r\n");
        }

        Field("charsets", "{\"to\":\"UTF-8\",\"html\":\"UTF-8\",\"subject\":\"UTF-8\",\"from\":\"UTF-8\",\"text\":\"iso-8859-1\"}");
        Field("SPF", "pass");
        Write(body, $"--{Boundary}--\r\n");
        return body.ToArray();
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.ASCII.GetBytes(text));
}
