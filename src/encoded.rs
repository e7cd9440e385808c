//! Reads the embedded dataset as `build.rs` encoded it with postcard. Its wire format has few
//! shapes: unsigned integers and lengths as LEB128 varints, signed ones zigzagged first, an `f64`
//! as its 8 little-endian bytes, an option or an enum's variant as a leading number, then the
//! fields in order. Reading just these is a fraction of serde's deserializers in the wasm.

/// The encoded bytes not read yet.
pub struct Reader<'a> {
    bytes: &'a [u8],
}

/// A value as postcard encodes it; `None` where the bytes are not a valid encoding.
pub trait Encoded: Sized {
    fn read(reader: &mut Reader) -> Option<Self>;
}

impl Reader<'_> {
    /// The value `bytes` begin with (bytes after it are left alone, as postcard does).
    pub fn value<T: Encoded>(bytes: &[u8]) -> Option<T> {
        T::read(&mut Reader { bytes })
    }

    fn take(&mut self, count: usize) -> Option<&[u8]> {
        let (taken, rest) = self.bytes.split_at_checked(count)?;
        self.bytes = rest;
        Some(taken)
    }

    fn varint(&mut self) -> Option<u64> {
        let (mut value, mut shift) = (0u64, 0);
        while shift < 64 {
            let byte = *self.take(1)?.first()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
            shift += 7;
        }
        None
    }

    /// An enum's variant.
    pub fn variant(&mut self) -> Option<u32> {
        u32::read(self)
    }

    /// A field that may be absent.
    pub fn option<T: Encoded>(&mut self) -> Option<Option<T>> {
        match self.variant()? {
            0 => Some(None),
            1 => T::read(self).map(Some),
            _ => None,
        }
    }
}

impl Encoded for usize {
    fn read(reader: &mut Reader) -> Option<usize> {
        usize::try_from(reader.varint()?).ok()
    }
}

impl Encoded for u32 {
    fn read(reader: &mut Reader) -> Option<u32> {
        u32::try_from(reader.varint()?).ok()
    }
}

impl Encoded for i32 {
    fn read(reader: &mut Reader) -> Option<i32> {
        let zigzag = u32::read(reader)?;
        Some((zigzag >> 1) as i32 ^ -((zigzag & 1) as i32))
    }
}

impl Encoded for f64 {
    fn read(reader: &mut Reader) -> Option<f64> {
        Some(f64::from_le_bytes(reader.take(8)?.try_into().ok()?))
    }
}

impl Encoded for bool {
    fn read(reader: &mut Reader) -> Option<bool> {
        match reader.variant()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Encoded for String {
    fn read(reader: &mut Reader) -> Option<String> {
        let length = usize::read(reader)?;
        std::str::from_utf8(reader.take(length)?).ok().map(str::to_string)
    }
}

impl<T: Encoded> Encoded for Vec<T> {
    fn read(reader: &mut Reader) -> Option<Vec<T>> {
        let length = usize::read(reader)?;
        // Sized by the bytes left, not by the length the bytes claim: each item takes one at least.
        let mut items = Vec::with_capacity(length.min(reader.bytes.len()));
        for _ in 0..length {
            items.push(T::read(reader)?);
        }
        Some(items)
    }
}
