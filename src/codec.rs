//! The gRPC codec of the generated client and server: prost's, except that a message that does
//! not decode (invalid UTF-8 in a string field, a truncated or malformed field) is
//! INVALID_ARGUMENT naming the field, where tonic would answer INTERNAL: the sender is at
//! fault, not the receiver. `build.rs` names it as the codec of every method.

use std::marker::PhantomData;

use prost::Message;
use tonic::Status;
use tonic::codec::{BufferSettings, Codec, DecodeBuf, Decoder};
use tonic_prost::{ProstDecoder, ProstEncoder};

/// Encodes `T` and decodes `U` with prost.
#[derive(Debug)]
pub struct ProtoCodec<T, U>(PhantomData<fn() -> (T, U)>);

impl<T, U> Default for ProtoCodec<T, U> {
    fn default() -> Self {
        ProtoCodec(PhantomData)
    }
}

impl<T, U> Codec for ProtoCodec<T, U>
where
    T: Message + Send + 'static,
    U: Message + Default + Send + 'static,
{
    type Encode = T;
    type Decode = U;
    type Encoder = ProstEncoder<T>;
    type Decoder = ProtoDecoder<U>;

    fn encoder(&mut self) -> ProstEncoder<T> {
        ProstEncoder::default()
    }

    fn decoder(&mut self) -> ProtoDecoder<U> {
        ProtoDecoder(ProstDecoder::default())
    }
}

/// prost's decoder with its errors as INVALID_ARGUMENT.
#[derive(Debug)]
pub struct ProtoDecoder<U>(ProstDecoder<U>);

impl<U: Message + Default> Decoder for ProtoDecoder<U> {
    type Item = U;
    type Error = Status;

    fn decode(&mut self, buf: &mut DecodeBuf<'_>) -> Result<Option<U>, Status> {
        self.0.decode(buf).map_err(|status| {
            let reason = status.message();
            let reason = reason
                .strip_prefix("failed to decode Protobuf message: ")
                .unwrap_or(reason);
            Status::invalid_argument(format!("the message is not valid protobuf: {reason}"))
        })
    }

    fn buffer_settings(&self) -> BufferSettings {
        self.0.buffer_settings()
    }
}
