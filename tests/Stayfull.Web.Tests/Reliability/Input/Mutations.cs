using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stayfull.Web.Tests.Reliability.Input;

/// <summary>One way of spoiling a request.</summary>
internal sealed record Mutation(string Name, Func<Random, WireRequest, WireRequest> Apply);

/// <summary>The fuzz's mutations of bodies, content types and headers, all driven by the caller's seeded <see cref="Random"/>.</summary>
internal static class Mutations
{
    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF],
        [0xC3, 0x28],
        [0xED, 0xA0, 0x80], // an encoded surrogate
        [0xF8, 0x88, 0x80, 0x80, 0x80],
        [0xC0, 0xAF], // an overlong '/'
        [0xE2, 0x82],
    ];

    private static readonly string[] ContentTypes =
    [
        "text/plain",
        "application/xml",
        "application/json; charset=utf-16",
        "application/json; charset=nonsense",
        "multipart/form-data",
        "multipart/form-data; boundary=",
        "multipart/form-data; boundary=\"unterminated",
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=ebcdic",
        "*/*",
        ";;;",
        "application/problem+json",
        "image/png",
        "application/octet-stream",
    ];

    /// <summary>Raw JSON values that stress readers: huge and tiny numbers, wrong types, odd strings, deep nesting.</summary>
    private static readonly string[] NastyValues =
    [
        "null",
        "1e308",
        "1e400",
        "-1e400",
        "99999999999999999999999999999999",
        "-9223372036854775809",
        "9223372036854775808",
        "1.5",
        "-1",
        "0",
        "-0",
        "\"\"",
        "\"not-a-guid\"",
        "\"9999-99-99\"",
        "\"\\u0000\"",
        "\"\\ud800\"",
        "[]",
        "{}",
        "true",
        "[null]",
        "\"" + new string('x', 5000) + "\"",
        string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200)),
        "{\"$type\":\"System.IO.FileInfo\",\"fileName\":\"/etc/passwd\"}",
    ];

    /// <summary>Body mutations for any body.</summary>
    public static IReadOnlyList<Mutation> Bodies { get; } =
    [
        new("truncated", (r, q) => q with { Body = Bytes(q)[..r.Next(Math.Max(1, Bytes(q).Length))] }),
        new("byte-flips", (r, q) => q with { Body = Flip(r, Bytes(q)) }),
        new("invalid-utf8", (r, q) => q with { Body = Insert(Bytes(q), r.Next(Bytes(q).Length + 1), InvalidUtf8[r.Next(InvalidUtf8.Length)]) }),
        new("random-bytes", (r, q) => q with { Body = HotelWebhooks.RandomBytes(r, r.Next(0, 2048)) }),
        new("empty-body", (_, q) => q with { Body = [] }),
        new("no-body", (_, q) => q with { Body = null }),
        new("deep-nesting", (r, q) => q with { Body = Encoding.UTF8.GetBytes(Deep(r)) }),
        new("json-scalar", (r, q) => q with { Body = Encoding.UTF8.GetBytes(NastyValues[r.Next(NastyValues.Length)]) }),
        new("json-field-value", (r, q) => q with { Body = JsonEdit(r, q, EditKind.Value) }),
        new("json-all-null", (r, q) => q with { Body = JsonEdit(r, q, EditKind.AllNull) }),
        new("json-duplicate-key", (r, q) => q with { Body = JsonEdit(r, q, EditKind.Duplicate) }),
        new("json-missing-field", (r, q) => q with { Body = JsonEdit(r, q, EditKind.Remove) }),
        new("json-extra-fields", (r, q) => q with { Body = JsonEdit(r, q, EditKind.Extra) }),
        new("form-broken", (r, q) => q with { Body = BrokenForm(r, Bytes(q)) }),
        new("multipart-broken", (r, q) => BrokenMultipart(r, q)),
    ];

    /// <summary>Header mutations that leave the body as it is.</summary>
    public static IReadOnlyList<Mutation> Headers { get; } =
    [
        new("wrong-content-type", (r, q) => q with { ContentType = ContentTypes[r.Next(ContentTypes.Length)] }),
        new("missing-content-type", (_, q) => q with { ContentType = null }),
        new("extra-headers", (r, q) => ExtraHeaders(r, q)),
    ];

    public static byte[] Bytes(WireRequest request) => request.Body ?? [];

    /// <summary>A body over <paramref name="limit"/> bytes: the sample's JSON with a long field, or the bytes repeated.</summary>
    public static byte[] Oversized(WireRequest request, long limit)
    {
        var pad = new string('x', (int)limit + 1024);
        if (TryParseObject(request, out var json))
        {
            json["pad"] = pad;
            return Encoding.UTF8.GetBytes(json.ToJsonString());
        }

        return [.. Bytes(request), .. Encoding.ASCII.GetBytes("&pad=" + pad)];
    }

    private static byte[] Flip(Random random, byte[] body)
    {
        if (body.Length == 0)
        {
            return [(byte)random.Next(256)];
        }

        var copy = (byte[])body.Clone();
        for (var i = random.Next(1, 9); i > 0; i--)
        {
            copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
        }

        return copy;
    }

    private static byte[] Insert(byte[] body, int at, byte[] bytes) => [.. body[..at], .. bytes, .. body[at..]];

    private static string Deep(Random random)
    {
        var depth = random.Next(3) switch { 0 => 65, 1 => 1_000, _ => 20_000 };
        return random.Next(3) switch
        {
            0 => new string('[', depth) + new string(']', depth),
            1 => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth),
            _ => string.Concat(Enumerable.Repeat("{\"a\":[", depth)), // never closed
        };
    }

    private enum EditKind
    {
        Value,
        AllNull,
        Duplicate,
        Remove,
        Extra,
    }

    private static bool TryParseObject(WireRequest request, out JsonObject json)
    {
        json = null!;
        try
        {
            if (JsonNode.Parse(Bytes(request)) is JsonObject parsed)
            {
                json = parsed;
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    private static byte[] JsonEdit(Random random, WireRequest request, EditKind kind)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(Bytes(request));
        }
        catch (JsonException)
        {
            root = null;
        }

        var objects = new List<JsonObject>();
        Collect(root, objects);
        if (objects.Count == 0)
        {
            // Not a JSON body: give it one, so the reader still meets a wrong shape.
            return Encoding.UTF8.GetBytes("{\"id\":" + NastyValues[random.Next(NastyValues.Length)] + "}");
        }

        var target = objects[random.Next(objects.Count)];
        var keys = target.Select(p => p.Key).ToList();
        const string Placeholder = "\u0001NASTY\u0001";
        var nasty = NastyValues[random.Next(NastyValues.Length)];
        switch (kind)
        {
            case EditKind.Value when keys.Count > 0:
                target[keys[random.Next(keys.Count)]] = Placeholder;
                break;
            case EditKind.AllNull:
                foreach (var o in objects)
                {
                    foreach (var key in o.Select(p => p.Key).ToList())
                    {
                        o[key] = null;
                    }
                }

                break;
            case EditKind.Remove when keys.Count > 0:
                target.Remove(keys[random.Next(keys.Count)]);
                break;
            case EditKind.Extra:
                for (var i = random.Next(1, 6); i > 0; i--)
                {
                    target["x" + random.Next(1000).ToString(CultureInfo.InvariantCulture)] = i == 1 ? Placeholder : random.Next();
                }

                break;
            case EditKind.Duplicate when keys.Count > 0:
                // JsonObject cannot hold a key twice: write the text by hand, the repeat first so either reading wins something odd.
                var key0 = keys[random.Next(keys.Count)];
                var text = root!.ToJsonString();
                var at = text.IndexOf(JsonSerializer.Serialize(key0) + ":", StringComparison.Ordinal);
                return Encoding.UTF8.GetBytes(at < 0 ? text : text.Insert(at, JsonSerializer.Serialize(key0) + ":" + nasty + ","));
            default:
                target["x"] = Placeholder;
                break;
        }

        return Encoding.UTF8.GetBytes(root!.ToJsonString().Replace(JsonSerializer.Serialize(Placeholder), nasty, StringComparison.Ordinal));
    }

    private static void Collect(JsonNode? node, List<JsonObject> objects)
    {
        switch (node)
        {
            case JsonObject o:
                objects.Add(o);
                foreach (var (_, value) in o)
                {
                    Collect(value, objects);
                }

                break;
            case JsonArray a:
                foreach (var value in a)
                {
                    Collect(value, objects);
                }

                break;
        }
    }

    private static readonly string[] FormBreakers =
    [
        "&%ZZ=1",
        "%",
        "&a=%E0%A4%A",
        "&&&===",
        "=v",
        "&k",
        "&%00=%00",
        "&a=%FF%FE%FD",
        "&" + new string('a', 3000) + "=" + new string('b', 3000),
        "&a=1&a=2&a=3",
        "&\u00ff\u00fe=\u00e9",
        "+%2B%20+",
        "&a[]=1&a[x]=2",
    ];

    private static byte[] BrokenForm(Random random, byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        var breaker = FormBreakers[random.Next(FormBreakers.Length)];
        return random.Next(3) switch
        {
            0 => Encoding.UTF8.GetBytes(breaker.TrimStart('&') + "&" + text),
            1 => Encoding.UTF8.GetBytes(text + breaker),
            // Every field doubled: the same name twice with two values.
            _ => Encoding.UTF8.GetBytes(text + "&" + text),
        };
    }

    private static WireRequest BrokenMultipart(Random random, WireRequest request)
    {
        var boundary = request.ContentType?.Split("boundary=") is [_, var b] ? b.Trim('"') : "b0undary";
        var text = Encoding.UTF8.GetString(Bytes(request));
        if (!text.Contains("--" + boundary, StringComparison.Ordinal))
        {
            text = $"--{boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n{text}\r\n--{boundary}--\r\n";
        }

        var part = (string headers, string value) => $"--{boundary}\r\n{headers}\r\n\r\n{value}\r\n";
        var closing = $"--{boundary}--";
        return random.Next(9) switch
        {
            0 => request with { Body = Encoding.UTF8.GetBytes(text.Replace(closing, "", StringComparison.Ordinal)), ContentType = "multipart/form-data; boundary=" + boundary },
            1 => request with { Body = Encoding.UTF8.GetBytes(text), ContentType = "multipart/form-data" },
            2 => request with { Body = Encoding.UTF8.GetBytes(text), ContentType = "multipart/form-data; boundary=other" + boundary },
            3 => request with { Body = Encoding.UTF8.GetBytes(part("X-Nothing: 1", "no disposition") + text), ContentType = "multipart/form-data; boundary=" + boundary },
            4 => request with { Body = Encoding.UTF8.GetBytes(part("Content-Disposition: form-data; name=\"charsets\"", "{\"text\":\"x-no-such-charset\",\"from\":\"utf-7\",\"subject\":\"\"}") + text), ContentType = "multipart/form-data; boundary=" + boundary },
            5 => request with { Body = Encoding.UTF8.GetBytes(part("Content-Disposition: form-data; name=\"charsets\"", "{not json") + text), ContentType = "multipart/form-data; boundary=" + boundary },
            6 => request with { Body = Encoding.UTF8.GetBytes(part("Content-Disposition: form-data; name=\"attachment1\"; filename=\"a.bin\"\r\nContent-Type: application/octet-stream", "\u0001\u0002") + text), ContentType = "multipart/form-data; boundary=" + boundary },
            7 => request with { Body = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 400).Select(i => part($"Content-Disposition: form-data; name=\"f{i}\"", "v"))) + text), ContentType = "multipart/form-data; boundary=" + boundary },
            _ => request with { Body = Encoding.UTF8.GetBytes(part("Content-Disposition: form-data; name=\"from\"", "<<<@@@>>>") + part("Content-Disposition: form-data; name=\"headers\"", "Message-ID: " + new string('<', 500)) + closing), ContentType = "multipart/form-data; boundary=" + boundary },
        };
    }

    private static readonly (string Name, string Value)[] OddHeaders =
    [
        ("X-Forwarded-For", "not-an-ip, ::1, 999.999.1.1"),
        ("X-Forwarded-Proto", "ftp"),
        ("X-Forwarded-Host", "evil.example"),
        ("Accept", "application/xml"),
        ("Accept-Language", "zz-ZZ;q=abc, *;q=-1"),
        ("Cookie", "stayfull.auth=garbage; .AspNetCore.Antiforgery.x=%%%"),
        ("Expect", "100-continue"),
        ("Content-Encoding", "gzip"),
        ("Content-Language", "xx"),
        ("Range", "bytes=9-1"),
        ("Origin", "null"),
        ("Authorization", "Bearer garbage"),
        ("X-HTTP-Method-Override", "DELETE"),
    ];

    private static WireRequest ExtraHeaders(Random random, WireRequest request)
    {
        var headers = request.Headers.ToList();
        for (var i = random.Next(1, 8); i > 0; i--)
        {
            if (random.Next(2) == 0)
            {
                var (name, value) = OddHeaders[random.Next(OddHeaders.Length)];
                headers.Add(new(name, value));
            }
            else
            {
                var name = "X-" + new string([.. Enumerable.Range(0, random.Next(1, 20)).Select(_ => "abcdefghijklmnopqrstuvwxyz0123456789-"[random.Next(37)])]);
                var value = new string([.. Enumerable.Range(0, random.Next(0, random.Next(2) == 0 ? 200 : 6000)).Select(_ => (char)random.Next(0x20, 0x7F))]);
                headers.Add(new(name, value));
            }
        }

        return request with { Headers = headers };
    }
}
