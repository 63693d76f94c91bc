"""Decoding real files: the encodings official texts come in, and the files to refuse."""

import codecs
from pathlib import Path

import pytest

from officials_kg.loaders.decode import LoadError, read_text

NEWS = "本报讯（记者 王明）3月5日，县委召开常委会议，传达学习全国两会精神。\n"


def write(tmp_path, data: bytes, name: str = "page.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8(tmp_path):
    decoded = read_text(write(tmp_path, NEWS.encode("utf-8")))
    assert (decoded.text, decoded.encoding) == (NEWS, "utf-8")


def test_utf8_with_bom_loses_the_bom(tmp_path):
    decoded = read_text(write(tmp_path, codecs.BOM_UTF8 + NEWS.encode("utf-8")))
    assert (decoded.text, decoded.encoding) == (NEWS, "utf-8-sig")


@pytest.mark.parametrize("codec", ["gb18030", "gbk", "gb2312"])
def test_gb_family_is_detected_whatever_the_name_says(tmp_path, codec):
    path = write(tmp_path, NEWS.encode(codec), name="utf8_page.txt")
    decoded = read_text(path)
    assert (decoded.text, decoded.encoding) == (NEWS, "gb18030")


def test_utf16_with_bom(tmp_path):
    decoded = read_text(write(tmp_path, NEWS.encode("utf-16")))
    assert decoded.text == NEWS


def test_binary_is_refused(tmp_path):
    with pytest.raises(LoadError, match="binary"):
        read_text(write(tmp_path, b"%PDF-1.7\n\x00\x01\x02\x03" * 50))


@pytest.mark.parametrize("data", [b"", b" \n\n\t "])
def test_empty_is_refused(tmp_path, data):
    with pytest.raises(LoadError, match="empty"):
        read_text(write(tmp_path, data))


def test_bytes_in_no_chinese_encoding_are_refused(tmp_path):
    with pytest.raises(LoadError, match="undecodable"):
        read_text(write(tmp_path, bytes(range(0x80, 0x100)) * 4))


def test_a_broken_bom_file_is_refused_with_the_offset(tmp_path):
    with pytest.raises(LoadError, match="undecodable bytes at offset 0"):
        read_text(write(tmp_path, codecs.BOM_UTF8 + b"\xff\xfe\xfd"))


def test_an_oversize_file_is_refused_before_it_is_read(tmp_path):
    path = write(tmp_path, NEWS.encode("utf-8") * 100)
    with pytest.raises(LoadError, match="too large"):
        read_text(path, max_bytes=1000)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_without_a_size_is_read_no_further_than_the_limit():
    with pytest.raises(LoadError, match="too large \\(over 4096 bytes\\)"):
        read_text(Path("/dev/zero"), max_bytes=4096)


def test_missing_and_folder_paths_are_refused(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        read_text(tmp_path / "missing.txt")
    with pytest.raises(LoadError, match="is a directory"):
        read_text(tmp_path)


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_with_a_bom_is_not_read_as_utf16(tmp_path, codec):
    """A UTF-32-LE BOM (FF FE 00 00) begins with the UTF-16-LE one (FF FE)."""
    bom = codecs.BOM_UTF32_BE if codec.endswith("be") else codecs.BOM_UTF32_LE
    data = NEWS.encode(codec)
    decoded = read_text(write(tmp_path, data if codec == "utf-32" else bom + data))
    assert (decoded.text, decoded.encoding) == (NEWS, "utf-32")
