using System;
using System.Net.Sockets;

namespace Dintero.Connections.Http
{
    /// <summary>Tells a failure to connect (nothing was sent) from a failure once the request was under way.</summary>
    internal static class TransportFailures
    {
        public static bool FailedBeforeSending(Exception exception)
        {
            for (var current = exception; current != null; current = current.InnerException)
            {
                if (current is SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case SocketError.ConnectionRefused:
                        case SocketError.HostNotFound:
                        case SocketError.HostUnreachable:
                        case SocketError.NetworkUnreachable:
                        case SocketError.NetworkDown:
                        case SocketError.TryAgain:
                        case SocketError.NoData:
                        case SocketError.AddressNotAvailable:
                            return true;
                    }
                }
                if (current is System.Security.Authentication.AuthenticationException) return true; // TLS handshake: no request yet
            }
            return false;
        }
    }
}
